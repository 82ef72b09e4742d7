//! Servers that send the wrong bytes: oversized events, invalid UTF-8,
//! invalid or misshapen JSON, HTML where JSON was due, and an encoding the
//! client never asked for.

use openrouter_api::{Error, StreamEvent};

use super::{CLOSE_BOUND, bounded, drain, text};
use crate::support::{self, DONE, RawServer, Step, content_event, finish_event, request, sse_head};

/// Runs a stream whose body is `body` (after a normal SSE head, then a clean
/// close) and returns the events, the error and the text accumulated so far.
async fn stream_of(
    body: Vec<u8>,
    configure: impl FnOnce(openrouter_api::ClientBuilder) -> openrouter_api::ClientBuilder,
) -> (Vec<StreamEvent>, Option<Error>, String) {
    let mut bytes = sse_head();
    bytes.extend(body);
    let server = RawServer::start(vec![vec![Step::send(bytes), Step::Close]])
        .await
        .unwrap();
    let client = configure(support::builder(&server)).build().unwrap();
    let mut stream = client.chat_stream(&request()).await.unwrap();
    let (events, error) = drain(&mut stream).await;
    let so_far = stream.accumulated().content().to_owned();
    drop((stream, client));
    assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    (events, error, so_far)
}

#[tokio::test]
async fn an_event_larger_than_the_limit_is_a_limit_error_and_keeps_earlier_output() {
    bounded(async {
        let body = [
            content_event("Hel"),
            content_event(&"x".repeat(4096)),
            DONE.into(),
        ]
        .concat();
        let (events, error, so_far) =
            stream_of(body.into_bytes(), |b| b.max_event_bytes(1024)).await;
        assert_eq!(text(&events), "Hel");
        let Some(Error::LimitExceeded(limit)) = &error else {
            panic!("expected a limit error, got {error:?}")
        };
        assert_eq!(limit.what(), "stream event");
        assert_eq!(limit.limit(), 1024);
        assert!(!error.unwrap().is_retryable());
        assert_eq!(
            so_far, "Hel",
            "the partial output stays readable on the stream"
        );
    })
    .await;
}

#[tokio::test]
async fn invalid_utf8_in_an_event_becomes_replacement_characters() {
    // The SSE standard decodes the stream as UTF-8 with replacement: the
    // event is still valid JSON and the rest of the stream is unaffected.
    bounded(async {
        let mut body = content_event("a\u{7f}b").into_bytes();
        let at = body.iter().position(|&b| b == 0x7f).unwrap();
        body.splice(at..=at, [0xFF, 0xC3]); // a lone 0xFF and a truncated 2-byte sequence
        body.extend(finish_event("stop").bytes());
        body.extend(DONE.bytes());
        let (events, error, _) = stream_of(body, |b| b).await;
        assert!(error.is_none(), "{error:?}");
        assert_eq!(text(&events), "a\u{FFFD}\u{FFFD}b");
    })
    .await;
}

#[tokio::test]
async fn invalid_utf8_in_a_plain_body_is_a_decode_error() {
    bounded(async {
        let mut body = support::completion_body("a\u{7f}b").into_bytes();
        let at = body.iter().position(|&b| b == 0x7f).unwrap();
        body[at] = 0xFF;
        let server = RawServer::start(vec![vec![Step::send(support::response(
            200,
            &[("content-type", "application/json")],
            &body,
        ))]])
        .await
        .unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        let Error::Decode(decode) = &error else {
            panic!("expected a decode error, got {error:?}")
        };
        assert_eq!(decode.what(), "chat completion");
        assert_eq!(decode.status(), 200);
        assert!(decode.path().contains("content"), "{}", decode.path());
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn invalid_json_in_one_event_is_a_decode_error_after_the_good_ones() {
    bounded(async {
        let body = [
            content_event("Hel"),
            "data: {\"id\":\"gen-hardening-1\",\"choices\":[{\n\n".into(),
            content_event("lo"),
            DONE.into(),
        ]
        .concat();
        let (events, error, so_far) = stream_of(body.into_bytes(), |b| b).await;
        assert_eq!(text(&events), "Hel");
        let Some(Error::Decode(decode)) = &error else {
            panic!("expected a decode error, got {error:?}")
        };
        assert_eq!(decode.what(), "stream chunk");
        assert!(
            decode.excerpt().starts_with("{\"id\""),
            "{}",
            decode.excerpt()
        );
        assert_eq!(so_far, "Hel");
    })
    .await;
}

#[tokio::test]
async fn valid_json_of_the_wrong_shape_names_the_path() {
    bounded(async {
        let body = [
            content_event("Hel"),
            "data: {\"id\":\"gen-hardening-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":42}}]}\n\n"
                .into(),
            DONE.into(),
        ]
        .concat();
        let (events, error, so_far) = stream_of(body.into_bytes(), |b| b).await;
        assert_eq!(text(&events), "Hel");
        let Some(Error::Decode(decode)) = &error else {
            panic!("expected a decode error, got {error:?}")
        };
        assert_eq!(decode.path(), "choices[0].delta.content");
        assert!(decode.to_string().contains("choices[0].delta.content"));
        assert_eq!(so_far, "Hel");
    })
    .await;
}

const HTML: &str = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>\
                    <body><h1>Bad Gateway</h1></body></html>";

#[tokio::test]
async fn an_html_page_with_status_502_is_a_retryable_api_error() {
    bounded(async {
        let page = support::response(502, &[("content-type", "text/html")], HTML.as_bytes());
        let server = RawServer::start(vec![vec![Step::send(page)]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        for streaming in [false, true] {
            let error = if streaming {
                client.chat_stream(&request()).await.unwrap_err()
            } else {
                client.chat(&request()).await.unwrap_err()
            };
            let Error::Api(api) = &error else {
                panic!("expected an API error, got {error:?}")
            };
            assert_eq!(api.status(), 502);
            assert!(api.body().is_none());
            assert_eq!(api.body_excerpt(), Some(HTML));
            assert!(api.message().contains("HTML page"), "{}", api.message());
            assert!(error.is_retryable());
        }
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(2));
    })
    .await;
}

#[tokio::test]
async fn an_html_page_with_status_200_is_a_decode_error_for_a_plain_call() {
    bounded(async {
        let page = support::response(200, &[("content-type", "text/html")], HTML.as_bytes());
        let server = RawServer::start(vec![vec![Step::send(page)]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        let Error::Decode(decode) = &error else {
            panic!("expected a decode error, got {error:?}")
        };
        assert_eq!(decode.status(), 200);
        assert_eq!(decode.excerpt(), HTML);
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn an_html_page_with_status_200_on_a_stream_is_a_decode_error_naming_the_content_type() {
    // A captive portal or a proxy answering 200 with a page: read as events it
    // would hold none and look like a truncated stream, hiding the cause. The
    // client checks the content type before handing out the stream.
    bounded(async {
        let page = support::head(
            200,
            &[("content-type", "text/html"), ("connection", "close")],
        );
        let server = RawServer::start(vec![vec![
            Step::send([page, HTML.as_bytes().to_vec()].concat()),
            Step::Close,
        ]])
        .await
        .unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat_stream(&request()).await.err();
        let Some(Error::Decode(decode)) = &error else {
            panic!("expected a decode error, got {error:?}")
        };
        assert_eq!(decode.status(), 200);
        assert!(decode.excerpt().contains("Bad Gateway"), "{decode:?}");
        let message = error.as_ref().unwrap().to_string();
        assert!(message.contains("`text/html`"), "{message}");
        assert!(message.contains("text/event-stream"), "{message}");
        assert!(!error.as_ref().unwrap().is_retryable());
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

#[tokio::test]
async fn a_gzip_body_the_client_did_not_ask_for_is_a_decode_error() {
    // reqwest is built without `gzip` (see the workspace manifest), so the
    // client sends no `Accept-Encoding` and cannot inflate: a server that
    // compresses anyway must produce a clear error, not garbage text.
    bounded(async {
        let plain = support::completion_body("Hello");
        let body = gzip_stored(plain.as_bytes());
        let page = support::response(
            200,
            &[
                ("content-type", "application/json"),
                ("content-encoding", "gzip"),
            ],
            &body,
        );
        let server = RawServer::start(vec![vec![Step::send(page)]])
            .await
            .unwrap();
        let client = support::builder(&server).build().unwrap();
        let error = client.chat(&request()).await.unwrap_err();
        let Error::Decode(decode) = &error else {
            panic!("expected a decode error, got {error:?}")
        };
        assert_eq!(decode.path(), ".");
        let head = support::head_text(&server.received_requests()[0]).to_ascii_lowercase();
        assert!(
            !head.contains("accept-encoding"),
            "the client must not advertise an encoding it cannot decode: {head}"
        );
        drop(client);
        assert_eq!(server.wait_closed(CLOSE_BOUND).await, Ok(1));
    })
    .await;
}

/// A real gzip member holding `data` in stored (uncompressed) deflate
/// blocks: valid for any inflater, without a compression dependency.
fn gzip_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let blocks: Vec<&[u8]> = data.chunks(0xFFFF).collect();
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = u16::try_from(block.len()).unwrap();
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend(crc32(data).to_le_bytes());
    out.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
