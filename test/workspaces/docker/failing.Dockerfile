# A build that fails at its RUN step, for the "failing build shows its error line" test.
FROM openpypi-test/busybox:1
RUN echo "about to fail" && exit 3
