"""Small helpers shared by the Streamlit pages: cached engine, sidebar, rendering."""
