//! The paging rules of the offset-paged list endpoints, written once so every
//! list response answers "is there a next page, and where" the same way.

/// Offset paging with a total (`total_count`): the next page starts after the
/// items received; there is none once `total` is reached or a page comes back
/// empty (which also stops a loop when the total shrinks between requests).
pub(crate) fn next_offset_with_total(current: u64, received: usize, total: u64) -> Option<u64> {
    if received == 0 {
        return None;
    }
    let next = current.saturating_add(received as u64);
    (next < total).then_some(next)
}

/// Offset paging without a total: a page shorter than `limit` is the last
/// one, and an endpoint that caps `offset` has no page past `max_offset`.
pub(crate) fn next_offset_by_limit(
    current: u64,
    received: usize,
    limit: u64,
    max_offset: u64,
) -> Option<u64> {
    if received == 0 || (received as u64) < limit {
        return None;
    }
    let next = current.saturating_add(received as u64);
    (next <= max_offset).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_a_total_the_last_page_is_the_one_that_reaches_it() {
        assert_eq!(next_offset_with_total(0, 50, 120), Some(50));
        assert_eq!(next_offset_with_total(50, 50, 120), Some(100));
        assert_eq!(next_offset_with_total(100, 20, 120), None);
        assert_eq!(next_offset_with_total(0, 3, 3), None);
        // A total that shrank between requests: an empty page ends it.
        assert_eq!(next_offset_with_total(100, 0, 120), None);
        assert_eq!(next_offset_with_total(u64::MAX, 1, u64::MAX), None);
    }

    #[test]
    fn without_a_total_a_short_page_is_the_last() {
        assert_eq!(next_offset_by_limit(0, 100, 100, 5000), Some(100));
        assert_eq!(next_offset_by_limit(100, 99, 100, 5000), None);
        assert_eq!(next_offset_by_limit(0, 0, 100, 5000), None);
        // The endpoint rejects offsets past its cap.
        assert_eq!(next_offset_by_limit(50, 50, 50, 100), Some(100));
        assert_eq!(next_offset_by_limit(100, 50, 50, 100), None);
    }
}
