"""Settings for the demo app. Insecure on purpose."""
import hashlib

DEBUG = True
SECRET_KEY = "dev"
DATABASE_PASSWORD = "hunter2"


def password_hash(password):
    # B303/B324: a weak hash for passwords.
    return hashlib.md5(password.encode()).hexdigest()
