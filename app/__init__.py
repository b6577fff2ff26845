"""ragchat's faces: the Streamlit page and the `ragchat` command line."""
