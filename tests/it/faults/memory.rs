//! Memory stays bounded whatever the server sends: a line that never ends
//! is cut at the configured limit, measured with the counting allocator in
//! `support/alloc.rs`.

use std::time::Duration;

use openrouter_client::Error;
use openrouter_sse::{Parser, ParserConfig};

use super::{CLOSE_BOUND, bounded, drain};
use crate::support::{self, RawServer, Step, alloc, request, sse_head};

const LIMIT: usize = 256 << 10;

#[tokio::test]
async fn a_line_that_never_ends_is_cut_at_the_limit_with_bounded_memory() {
    bounded(async {
        let server = RawServer::start(vec![vec![
            Step::send([sse_head(), b"data: ".to_vec()].concat()),
            // 16 KiB of `x` every millisecond, forever: an endless line.
            Step::repeat(vec![b'x'; 16 << 10], Duration::from_millis(1)),
        ]])
        .await
        .unwrap();
        let client = support::builder(&server)
            .max_event_bytes(LIMIT)
            .build()
            .unwrap();
        let ((events, error), peak) = alloc::peak_of(async {
            let mut stream = client.chat_stream(&request()).await.unwrap();
            drain(&mut stream).await
        })
        .await;
        assert!(events.is_empty());
        let Some(Error::LimitExceeded(limit)) = &error else {
            panic!("expected a limit error, got {error:?}")
        };
        assert_eq!(limit.limit(), LIMIT);
        // The parser holds at most the limit (its buffer may have doubled
        // once); hyper's read buffer and the rest of the call are well under
        // a megabyte. An unbounded line would have grown far past this.
        assert!(
            peak < 2 * LIMIT + (1 << 20),
            "peak {peak} bytes for a {LIMIT}-byte limit"
        );
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[test]
fn the_parser_buffers_no_more_than_the_line_limit() {
    // The same bound seen from the parser's accessor: 16 MiB of one line fed
    // in 64 KiB pieces never leaves more than the limit buffered.
    let mut parser = Parser::with_config(ParserConfig::default().max_line_bytes(LIMIT));
    parser.feed(b"data: ");
    let piece = vec![b'y'; 64 << 10];
    let mut errors = 0;
    for _ in 0..256 {
        parser.feed(&piece);
        while let Some(frame) = parser.next_frame() {
            assert!(frame.is_err(), "no event can complete");
            errors += 1;
        }
        assert!(parser.buffered_len() <= LIMIT, "{}", parser.buffered_len());
        assert!(
            parser.buffer_capacity() <= 2 * LIMIT,
            "{}",
            parser.buffer_capacity()
        );
    }
    assert_eq!(errors, 1, "one error for the one oversized line");
}
