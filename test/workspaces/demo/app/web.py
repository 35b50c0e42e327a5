"""The Flask app. Insecure on purpose."""
import requests
from flask import Flask, request

from app.run import ping

app = Flask(__name__)


@app.route("/ping")
def ping_view():
    return str(ping(request.args["host"]))


@app.route("/fetch")
def fetch_view():
    # B501: certificate checks turned off.
    return requests.get(request.args["url"], verify=False).text


if __name__ == "__main__":
    # B104 and B201: bound to every interface with the debugger on.
    app.run(host="0.0.0.0", debug=True)
