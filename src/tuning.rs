//! Process settings that make slate's memory use fast, shared by the
//! `slate` binary and the benchmarks (so in-process figures match the
//! command's).

/// Turns transparent huge pages off for this process. mimalloc asks for huge
/// pages for its arenas; where the kernel grants them on request (THP
/// `madvise` mode), each first touch of an arena zeroes 2 MiB and, when
/// memory is fragmented, waits for the kernel to compact it. Profiled on a
/// 100k-film catalogue, that page zeroing was half of `slate related`'s
/// samples on a busy machine, and its system time swung from 0.1 s to 2 s
/// from run to run. Small pages cost some TLB misses instead, a steady few
/// percent (see docs/performance.md).
pub fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and only sets
    // a flag on this process; its result is not needed (an older kernel
    // without it just keeps huge pages).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
