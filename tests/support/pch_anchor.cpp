// The one source of the libraries that carry the tests' precompiled headers (fim_test_pch in
// tests/CMakeLists.txt).
