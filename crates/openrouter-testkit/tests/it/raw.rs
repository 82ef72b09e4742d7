//! The raw server: scripts in request order, request framing (lengths, chunks, pipelining),
//! how each step ends a connection, and what the server reports about connections.

use std::io::ErrorKind;
use std::time::Duration;

use openrouter_testkit::raw::{self, RawServer, Script, Step};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{Instant, timeout};

const BOUND: Duration = Duration::from_secs(5);

fn text(body: &str) -> Script {
    vec![Step::send(raw::response(
        200,
        &[("content-type", "text/plain")],
        body.as_bytes(),
    ))]
    .into()
}

fn get(path: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nhost: test\r\n\r\n")
}

async fn connect(server: &RawServer) -> TcpStream {
    TcpStream::connect(server.addr()).await.unwrap()
}

/// Reads until at least `len` bytes arrived (or the stream ended).
async fn read_at_least(socket: &mut TcpStream, len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while out.len() < len {
        let n = timeout(BOUND, socket.read(&mut buf))
            .await
            .expect("the server answers in time")
            .unwrap();
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    out
}

/// Reads to the end of the stream, returning what arrived and how the stream ended.
async fn read_to_end(socket: &mut TcpStream) -> (Vec<u8>, std::io::Result<()>) {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match timeout(BOUND, socket.read(&mut buf))
            .await
            .expect("the server ends the stream in time")
        {
            Ok(0) => return (out, Ok(())),
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(error) => return (out, Err(error)),
        }
    }
}

#[tokio::test]
async fn scripts_follow_request_order_across_connections_and_the_last_repeats() {
    let server = RawServer::start([text("one"), text("two"), text("three")])
        .await
        .unwrap();
    let expected =
        |body: &str| raw::response(200, &[("content-type", "text/plain")], body.as_bytes());

    let mut first = connect(&server).await;
    first.write_all(get("/a").as_bytes()).await.unwrap();
    assert_eq!(
        read_at_least(&mut first, expected("one").len()).await,
        expected("one")
    );
    // The same kept-alive connection carries the next request.
    first.write_all(get("/b").as_bytes()).await.unwrap();
    assert_eq!(
        read_at_least(&mut first, expected("two").len()).await,
        expected("two")
    );

    let mut second = connect(&server).await;
    for path in ["/c", "/d"] {
        second.write_all(get(path).as_bytes()).await.unwrap();
        assert_eq!(
            read_at_least(&mut second, expected("three").len()).await,
            expected("three")
        );
    }

    let paths: Vec<String> = server
        .received_requests()
        .iter()
        .map(|r| r.path().to_owned())
        .collect();
    assert_eq!(paths, ["/a", "/b", "/c", "/d"]);
    let connections = server.connections();
    assert_eq!(connections.len(), 2);
    assert_eq!(connections[0].requests().len(), 2);
    assert_eq!(connections[1].requests()[1].path(), "/d");
    assert!(connections.iter().all(|c| !c.is_closed()));

    drop((first, second));
    assert_eq!(server.wait_closed(BOUND).await, Ok(4));
    assert!(server.connections().iter().all(|c| c.is_closed()));
}

#[tokio::test]
async fn length_and_chunked_bodies_are_recorded_and_pipelined_requests_kept() {
    let server = RawServer::start([text("ok")]).await.unwrap();
    let mut socket = connect(&server).await;
    // Three requests in one write: a Content-Length body, a chunked body with an extension
    // and a trailer, and a GET. Each must be framed right for the next to be read at all.
    let requests = concat!(
        "POST /api/v1/chat/completions?x=1 HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n",
        "Content-Length: 15\r\n\r\n{\"model\":\"a/b\"}",
        "POST /api/v1/embeddings HTTP/1.1\r\nhost: test\r\nTransfer-Encoding: chunked\r\n\r\n",
        "6;ext=1\r\n{\"mode\r\n9\r\nl\":\"c/d\"}\r\n0\r\nx-trailer: yes\r\n\r\n",
        "GET /api/v1/key HTTP/1.1\r\nhost: test\r\n\r\n",
    );
    socket.write_all(requests.as_bytes()).await.unwrap();
    let one = raw::response(200, &[("content-type", "text/plain")], b"ok");
    assert_eq!(
        read_at_least(&mut socket, 3 * one.len()).await,
        one.repeat(3)
    );

    let sent = server.received_requests();
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[0].method(), "POST");
    assert_eq!(sent[0].query_param("x"), Some("1"));
    assert_eq!(sent[0].header("content-type"), Some("application/json"));
    sent[0].expect_body_field("model", "a/b");
    assert_eq!(sent[1].path(), "/api/v1/embeddings");
    sent[1].expect_body_field("model", "c/d");
    assert_eq!(sent[2].path(), "/api/v1/key");
    assert!(sent[2].body().is_empty());
}

#[tokio::test]
async fn reset_aborts_the_connection() {
    let server = RawServer::start([vec![
        Step::send(raw::head(200, &[("content-type", "text/event-stream")])),
        Step::Sleep(Duration::from_millis(20)),
        Step::Reset,
    ]])
    .await
    .unwrap();
    let mut socket = connect(&server).await;
    socket.write_all(get("/").as_bytes()).await.unwrap();
    let (received, end) = read_to_end(&mut socket).await;
    assert!(received.starts_with(b"HTTP/1.1 200 OK\r\n"));
    assert_eq!(end.unwrap_err().kind(), ErrorKind::ConnectionReset);
    assert_eq!(server.wait_closed(BOUND).await, Ok(1));
}

#[tokio::test]
async fn close_sends_a_fin_and_waits_for_the_client_to_close_too() {
    let server = RawServer::start([vec![
        Step::send("HTTP/1.1 200 OK\r\n\r\npartial"),
        Step::Close,
    ]])
    .await
    .unwrap();
    let mut socket = connect(&server).await;
    socket.write_all(get("/").as_bytes()).await.unwrap();
    let (received, end) = read_to_end(&mut socket).await;
    assert_eq!(received, b"HTTP/1.1 200 OK\r\n\r\npartial");
    assert!(end.is_ok(), "a clean end of stream: {end:?}");

    // The client has not closed its side: that is a leak, and the error says where.
    let leak = server
        .wait_closed(Duration::from_millis(50))
        .await
        .unwrap_err();
    assert_eq!(leak.waited(), Duration::from_millis(50));
    assert_eq!(
        leak.to_string(),
        "1 of 1 connections still open after 50ms; connection 0 served [GET /]"
    );
    drop(socket);
    assert_eq!(server.wait_closed(BOUND).await, Ok(1));
}

#[tokio::test(start_paused = true)]
async fn drip_writes_one_byte_per_pause_on_tokio_time() {
    let server = RawServer::start([vec![
        Step::send(raw::head(200, &[])),
        Step::drip("abc", Duration::from_secs(10)),
        Step::Close,
    ]])
    .await
    .unwrap();
    let mut socket = connect(&server).await;
    socket.write_all(get("/").as_bytes()).await.unwrap();
    // No read timeouts here: on the paused clock they would fire before the drip's pauses.
    let mut head = vec![0u8; raw::head(200, &[]).len()];
    socket.read_exact(&mut head).await.unwrap();
    let start = Instant::now();
    let mut arrivals = Vec::new();
    for _ in 0..3 {
        let mut byte = [0u8; 1];
        socket.read_exact(&mut byte).await.unwrap();
        arrivals.push((byte.to_vec(), start.elapsed().as_secs()));
    }
    assert_eq!(
        arrivals,
        [
            (b"a".to_vec(), 10),
            (b"b".to_vec(), 20),
            (b"c".to_vec(), 30)
        ]
    );
}

#[tokio::test]
async fn repeat_and_await_close_end_when_the_client_leaves() {
    for script in [
        vec![Step::repeat(": ping\n\n", Duration::from_millis(5))],
        vec![Step::send(raw::head(200, &[])), Step::AwaitClose],
    ] {
        let server = RawServer::start([script]).await.unwrap();
        let mut socket = connect(&server).await;
        socket.write_all(get("/").as_bytes()).await.unwrap();
        assert!(!read_at_least(&mut socket, 16).await.is_empty());
        let open = server.wait_closed(Duration::from_millis(50)).await;
        assert!(open.is_err(), "the script holds the connection: {open:?}");
        drop(socket);
        assert_eq!(server.wait_closed(BOUND).await, Ok(1));
    }
}

#[tokio::test]
async fn flood_is_held_back_by_a_client_that_does_not_read() {
    const TOTAL: u64 = 64 << 20;
    let piece = vec![b'x'; 64 << 10];
    let server = RawServer::start([vec![Step::flood(piece, TOTAL), Step::Close]])
        .await
        .unwrap();
    let mut socket = connect(&server).await;
    socket.write_all(get("/").as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let held_back = server.bytes_written();
    assert!(
        held_back > 0 && held_back < TOTAL / 4,
        "socket buffers only: {held_back}"
    );
    let (received, end) = read_to_end(&mut socket).await;
    assert!(end.is_ok());
    assert_eq!(received.len() as u64, TOTAL);
    assert_eq!(server.bytes_written(), TOTAL);
}

#[tokio::test]
async fn an_empty_script_and_no_scripts_both_stay_silent_until_the_server_is_dropped() {
    for server in [
        RawServer::start([Script::default()]).await.unwrap(),
        RawServer::start(Vec::<Script>::new()).await.unwrap(),
    ] {
        let mut socket = connect(&server).await;
        socket.write_all(get("/").as_bytes()).await.unwrap();
        let mut buf = [0u8; 16];
        let silent = timeout(Duration::from_millis(100), socket.read(&mut buf)).await;
        assert!(silent.is_err(), "nothing was written");
        assert_eq!(server.received_requests().len(), 1);
        drop(server);
        // Dropping the server drops its connections too.
        let (received, _) = read_to_end(&mut socket).await;
        assert!(received.is_empty());
    }
}

#[tokio::test]
async fn a_request_it_cannot_frame_ends_the_connection() {
    let server = RawServer::start([text("never")]).await.unwrap();
    let mut socket = connect(&server).await;
    socket
        .write_all(b"POST / HTTP/1.1\r\ncontent-length: lots\r\n\r\n")
        .await
        .unwrap();
    let (received, _) = read_to_end(&mut socket).await;
    assert!(received.is_empty());
    assert_eq!(server.wait_closed(BOUND).await, Ok(0));
}

#[test]
fn scripts_collect_and_extend_from_steps() {
    let mut script: Script = [Step::send("a")].into_iter().collect();
    script.extend([Step::last_chunk()]);
    script.push(Step::Reset);
    assert_eq!(
        script.steps(),
        [Step::send("a"), Step::send(raw::LAST_CHUNK), Step::Reset]
    );
    assert_eq!(raw::chunk(""), raw::LAST_CHUNK);
    assert_eq!(
        raw::head(799, &[]),
        b"HTTP/1.1 799 Unknown\r\n\r\n",
        "codes without a standard reason still go out"
    );
}
