"""Loads user-supplied data. Insecure on purpose."""
import pickle

import yaml


def load_config(text):
    # B506: yaml.load without a safe loader.
    return yaml.load(text)


def load_session(blob):
    # B301: unpickling untrusted data.
    return pickle.loads(blob)


def calculate(expression):
    # B307: eval of user input.
    return eval(expression)
