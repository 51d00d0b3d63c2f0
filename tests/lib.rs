//! Shared helpers for the golden-file tests.
