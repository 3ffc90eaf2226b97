"""Placeholder."""
import streamlit as st

st.title("sister_cities")
