"""Support shared by the tests and the benchmarks: finding a browser, building, serving."""
