//! Generations beyond chat from the shell: `openrouter image`, `speak`,
//! `transcribe`, `video` and `rerank`. Binary answers go to the file named by
//! `-o`, written as they arrive; stdout carries the path or the text.

use openrouter_api::{FileContent, VideoWait};
use openrouter_types::audio::{SpeechRequest, TranscriptionRequest};
use openrouter_types::images::ImageGenerationRequest;
use openrouter_types::rerank::RerankRequest;
use openrouter_types::videos::{VideoContentQuery, VideoGenerationRequest};

use crate::args::{Connection, ImageArgs, RerankArgs, SpeakArgs, TranscribeArgs, VideoArgs};
use crate::connect::{Key, connect};
use crate::exit::{Code, Failure, Outcome};
use crate::output::{self, Align, Term};
use crate::progress::Spinner;

fn fail(error: &openrouter_api::Error) -> Failure {
    Failure::from_client(error, false)
}

/// Runs `openrouter image`.
pub async fn image(args: &ImageArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Required, term).await?;
    let mut spinner = Spinner::start(term, "generating the image…");
    let request = ImageGenerationRequest::new(args.model.as_str(), args.prompt.as_str());
    let response = connected.client.generate_images(&request).await;
    spinner.clear();
    let images = response.map_err(|e| fail(&e))?.into_inner();
    let first = images
        .data
        .first()
        .ok_or_else(|| Failure::new(Code::Api, "the answer holds no image"))?;
    match (first.bytes(), first.url()) {
        (Some(Ok(bytes)), _) => {
            std::fs::write(&args.output, bytes).map_err(|e| {
                Failure::new(
                    Code::Usage,
                    format!("cannot write `{}`: {e}", args.output.display()),
                )
            })?;
            Ok(output::print_lines(&[args.output.display().to_string()])?)
        }
        (Some(Err(e)), _) => Err(Failure::new(
            Code::Api,
            format!("the image is not valid base64: {e}"),
        )),
        // Some providers answer with a link instead of bytes: print it rather than fetch a
        // third-party URL behind the user's back.
        (None, Some(url)) => {
            term.note("the provider answered with a URL, not bytes: nothing was written");
            Ok(output::print_lines(&[url.to_owned()])?)
        }
        (None, None) => Err(Failure::new(
            Code::Api,
            "the image has neither bytes nor a URL",
        )),
    }
}

/// Runs `openrouter speak`.
pub async fn speak(args: &SpeakArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Required, term).await?;
    let mut request = SpeechRequest::new(args.model.as_str(), args.text.as_str());
    if let Some(voice) = &args.voice {
        request = request.voice(voice.as_str());
    }
    let audio = connected
        .client
        .speech(&request)
        .await
        .map_err(|e| fail(&e))?;
    let written = audio.save(&args.output).await.map_err(|e| fail(&e))?;
    term.note(&format!("{written} bytes of audio"));
    Ok(output::print_lines(&[args.output.display().to_string()])?)
}

/// Runs `openrouter transcribe`.
pub async fn transcribe(args: &TranscribeArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Required, term).await?;
    let file = FileContent::open(&args.file)
        .await
        .map_err(|e| Failure::new(Code::Usage, e.to_string()))?;
    let name = args
        .file
        .file_name()
        .map_or_else(|| "audio".to_owned(), |n| n.to_string_lossy().into_owned());
    let content_type = match args.file.extension().and_then(|e| e.to_str()) {
        Some("wav") => "audio/wav",
        Some("mp3") => "audio/mpeg",
        Some("flac") => "audio/flac",
        Some("ogg") => "audio/ogg",
        Some("m4a") => "audio/mp4",
        Some("webm") => "audio/webm",
        _ => "application/octet-stream",
    };
    let mut spinner = Spinner::start(term, "transcribing…");
    let request = TranscriptionRequest::new(args.model.as_str());
    let answer = connected
        .client
        .transcription(&request, file, &name, content_type)
        .await;
    spinner.clear();
    let transcript = answer.map_err(|e| fail(&e))?.into_inner();
    Ok(output::print_lines(&[transcript.text])?)
}

/// Runs `openrouter video`: submit, wait with the status on stderr, download.
pub async fn video(args: &VideoArgs, connection: &Connection, term: Term) -> Outcome {
    let connected = connect(connection, Key::Required, term).await?;
    let client = &connected.client;
    let request = VideoGenerationRequest::new(args.model.as_str()).prompt(args.prompt.as_str());
    let job = client
        .create_video(&request)
        .await
        .map_err(|e| fail(&e))?
        .into_inner();
    term.note(&format!("video job {}: {}", job.id, job.status));
    let mut last = job.status.clone();
    let done = client
        .wait_for_video(&job.id, VideoWait::default(), |job| {
            if job.status != last {
                term.note(&format!("video job {}: {}", job.id, job.status));
                last = job.status.clone();
            }
        })
        .await
        .map_err(|e| fail(&e))?
        .into_inner();
    if done.status.as_str() != "completed" {
        return Err(Failure::new(
            Code::Api,
            format!("the video job ended {}: nothing to download", done.status),
        ));
    }
    let download = client
        .download_video(&done.id, &VideoContentQuery::new())
        .await
        .map_err(|e| fail(&e))?;
    let written = download.save(&args.output).await.map_err(|e| fail(&e))?;
    term.note(&format!("{written} bytes of video"));
    Ok(output::print_lines(&[args.output.display().to_string()])?)
}

/// Runs `openrouter rerank`.
pub async fn rerank(args: &RerankArgs, connection: &Connection, term: Term) -> Outcome {
    if args.documents.is_empty() {
        return Err(Failure::new(
            Code::Usage,
            "give at least one document to rank",
        ));
    }
    let connected = connect(connection, Key::Required, term).await?;
    let mut request = RerankRequest::new(
        args.model.as_str(),
        args.query.as_str(),
        args.documents.iter().map(String::as_str),
    );
    if let Some(top) = args.top {
        request = request.top_n(top);
    }
    let ranked = connected
        .client
        .rerank(&request)
        .await
        .map_err(|e| fail(&e))?
        .into_inner();
    if args.json {
        return Ok(output::print_json(&ranked)?);
    }
    let rows: Vec<Vec<String>> = ranked
        .results
        .iter()
        .map(|r| {
            vec![
                format!("{:.4}", r.relevance_score),
                r.index.to_string(),
                r.document
                    .text
                    .as_deref()
                    .or_else(|| args.documents.get(r.index).map(String::as_str))
                    .unwrap_or_default()
                    .to_owned(),
            ]
        })
        .collect();
    let header = [
        ("SCORE", Align::Right),
        ("INDEX", Align::Right),
        ("DOCUMENT", Align::Left),
    ];
    Ok(output::print_lines(&output::table(&header, &rows))?)
}
