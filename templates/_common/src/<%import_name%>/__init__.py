"""<%description_python%>"""

__version__ = "0.1.0"
