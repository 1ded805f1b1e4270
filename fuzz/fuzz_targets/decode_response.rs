#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fabric_rest_fuzz::targets::decode_response(data));
