//! Memory stays bounded whatever the server sends: a line that never ends
//! is cut at the configured limit, measured with the counting allocator in
//! `support/alloc.rs`.

use std::time::Duration;

use openrouter_api::Error;
use openrouter_sse::{Parser, ParserConfig};

use super::{CLOSE_BOUND, bounded, bounded_by, drain};
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

/// A 200 MB video goes to its writer a chunk at a time: the client's heap
/// stays flat, whatever the size of the body.
#[tokio::test]
async fn a_200_mb_download_is_written_through_with_flat_memory() {
    const TOTAL: u64 = 200 << 20;
    bounded_by(Duration::from_secs(120), async {
        let head = support::head(
            200,
            &[
                ("content-type", "video/mp4"),
                ("content-length", &TOTAL.to_string()),
            ],
        );
        let server = RawServer::start(vec![vec![
            Step::send(head),
            Step::flood(vec![0x42; 64 << 10], TOTAL),
            Step::Close,
        ]])
        .await
        .unwrap();
        let client = support::builder(&server).build().unwrap();
        let (written, peak) = alloc::peak_of(async {
            let download = client
                .download_video("job-1", &Default::default())
                .await
                .unwrap();
            download.write_to(&mut tokio::io::sink()).await.unwrap()
        })
        .await;
        assert_eq!(written, TOTAL);
        println!("200 MiB download: peak heap {peak} bytes");
        assert!(
            peak < 4 << 20,
            "peak heap {peak} bytes for a {TOTAL}-byte body"
        );
    })
    .await;
}
