# A build that takes a minute at its RUN step, for the cancellation test.
FROM openpypi-test/busybox:1
RUN sleep 60
