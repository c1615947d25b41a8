//! Parsing, validating, preparing, publishing and studio-editing any input as an authoring
//! document, reading it as a catalogue and as a published document, never panics; every mention
//! found or read lies on char boundaries of its text. The checks are the `any_input` test's
//! (`authoring/tests/support/any_input.rs`), included, so this target compiles whenever the tests do.
//!
//!     cargo +nightly fuzz run document
#![no_main]

include!("../../authoring/tests/support/any_input.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| any_input(data));
