"""The entry point the image would run (the suite's stand-in base image has no Python)."""


def main() -> None:
    print("docker-demo is running")


if __name__ == "__main__":
    main()
