"""Placeholder."""
import streamlit as st

st.title("registry_browser")
