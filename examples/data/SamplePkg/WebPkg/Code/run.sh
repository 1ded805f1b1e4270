#!/bin/sh
# The sample service: answers every request on port 8080 with its greeting.
exec python3 -m http.server 8080
