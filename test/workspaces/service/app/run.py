"""Evaluates expressions for the service. Insecure on purpose."""
import hashlib


def digest(data):
    # B303: MD5 is not a safe hash.
    return hashlib.md5(data).hexdigest()


def calculate(expression):
    # B307: eval of user input.
    return eval(expression)
