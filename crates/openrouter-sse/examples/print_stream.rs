//! Prints the frames of a Server-Sent Events stream, reading it the way a
//! network client would: in 1460-byte pieces fed to the parser as they come.
//!
//! ```sh
//! cargo run -p openrouter-sse --example print_stream -- path/to/stream.sse
//! cargo run -p openrouter-sse --example print_stream   # a bundled OpenRouter-shaped stream
//! ```

use std::io::Read;
use std::process::ExitCode;

use openrouter_sse::{Frame, Parser};

/// The shape of an OpenRouter chat completion stream (ids and text made up).
const BUNDLED: &[u8] = b": OPENROUTER PROCESSING\n\n\
data: {\"id\":\"gen-1764115200-aBcD\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"finish_reason\":null}]}\n\n\
: OPENROUTER PROCESSING\n\n\
data: {\"id\":\"gen-1764115200-aBcD\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\", world\"},\"finish_reason\":\"stop\"}]}\n\n\
data: {\"id\":\"gen-1764115200-aBcD\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}\n\n\
data: [DONE]\n\n";

fn main() -> ExitCode {
    let mut source: Box<dyn Read> = match std::env::args_os().nth(1) {
        Some(path) => match std::fs::File::open(&path) {
            Ok(file) => Box::new(file),
            Err(error) => {
                eprintln!("error: cannot open {}: {error}", path.to_string_lossy());
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(BUNDLED),
    };

    let mut parser = Parser::new();
    let mut buf = [0u8; 1460];
    loop {
        let n = match source.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(error) => {
                eprintln!("error: read failed: {error}");
                return ExitCode::FAILURE;
            }
        };
        parser.feed(&buf[..n]);
        print_frames(&mut parser);
    }
    let end = parser.finish();
    print_frames(&mut parser);
    if end.is_clean() {
        println!("-- end of stream (clean)");
        ExitCode::SUCCESS
    } else {
        println!(
            "-- end of stream: cut off (unfinished event discarded: {}, unterminated line discarded: {})",
            end.discarded_event(),
            end.discarded_partial_line()
        );
        ExitCode::FAILURE
    }
}

fn print_frames(parser: &mut Parser) {
    while let Some(frame) = parser.next_frame() {
        match frame {
            Ok(Frame::Event(event)) => {
                let event_type = event.event_type().unwrap_or("message");
                match event.id() {
                    Some(id) => println!("event {event_type} (id {id:?}): {}", event.data()),
                    None => println!("event {event_type}: {}", event.data()),
                }
            }
            Ok(Frame::Comment(comment)) => println!("comment: {:?}", comment.text()),
            Ok(Frame::Retry(ms)) => println!("retry: {ms} ms"),
            Ok(other) => println!("{other:?}"),
            Err(error) => println!("error: {error}"),
        }
    }
}
