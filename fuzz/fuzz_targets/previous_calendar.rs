//! Reading a previously published calendar (`--previous`): a calendar or an
//! error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = slate::export::ical::previous::Previous::parse(data);
});
