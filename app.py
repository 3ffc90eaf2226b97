"""The Streamlit frame: open the registry, then hand over to the pages."""

import streamlit as st

from registry import counts, ensure_seeded

st.set_page_config(page_title="International relations registry", layout="wide")
conn = ensure_seeded()
st.title("International relations registry")
for table, n in counts(conn).items():
    st.metric(table, n)
