//! Integration tests for hyde-liquid, one binary: the differential corpus
//! against Ruby Liquid 5.4 plus tests named after features.

mod common;
mod corpus;
mod features;
