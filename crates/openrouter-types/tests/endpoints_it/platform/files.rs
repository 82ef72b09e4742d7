//! `/files`: upload (multipart), list, metadata, delete, content (raw bytes).

use openrouter_types::files::{
    FileCursor, FileDeleted, FileList, FileMetadata, FilePurpose, FileShape, FileTimestamp,
    ListFilesQuery, UploadFileForm,
};

use super::{exchange, keeps_unknown_field, keeps_unknown_value, response};

#[test]
fn upload_is_multipart_without_a_json_body_and_answers_metadata() {
    let upload = exchange("files/upload");
    assert_eq!(
        upload["request"]["headers"]["content-type"],
        "multipart/form-data"
    );
    assert!(upload["request"].get("body").is_none());
    assert!(UploadFileForm::new("document.pdf").form_fields().is_empty());
    let file: FileMetadata = response("files/upload");
    assert_eq!(file.shape, Some(FileShape::OpenRouter));
    assert_eq!(file.size(), Some(1_024_000));
    assert!(!file.is_downloadable());
}

#[test]
fn list_round_trips_and_pages_by_cursor() {
    let page: FileList = response("files/list");
    let next = page.next_cursor().expect("has more");
    let FileCursor::Cursor(cursor) = &next else {
        panic!("{next:?}");
    };
    assert_eq!(Some(cursor.as_str()), page.cursor());
    let recorded = exchange("files/list");
    assert_eq!(recorded["request"]["query"]["limit"], "2");
    let query = ListFilesQuery::new().limit(2).page(next.clone());
    assert_eq!(
        query.to_query_pairs(),
        vec![("limit", "2".to_owned()), next.query_pair()]
    );
}

#[test]
fn the_openai_shape_round_trips_through_the_same_types() {
    let page: FileList = response("files/list_openai");
    assert_eq!(page.cursor, None, "no cursor field in OpenAI's shape");
    assert_eq!(page.next_cursor(), None, "has_more is false");
    let file = &page.data[0];
    assert_eq!(file.created_at, FileTimestamp::Unix(1_735_689_600));
    assert_eq!(file.purpose, Some(FilePurpose::Batch));
    assert_eq!(file.size(), Some(120_000));
}

#[test]
fn get_and_delete_round_trip() {
    let file: FileMetadata = response("files/get");
    assert!(file.is_downloadable());
    let deleted: FileDeleted = response("files/delete");
    assert_eq!(deleted.kind.as_deref(), Some("file_deleted"));
}

#[test]
fn content_is_raw_bytes_served_as_octet_stream() {
    let content = exchange("files/content");
    let response = &content["response"];
    assert_eq!(response["status"], 200);
    assert_eq!(
        response["headers"]["content-type"],
        "application/octet-stream"
    );
    let text = response["body_text"].as_str().expect("a verbatim body");
    assert_eq!(text.lines().count(), 2);
    let file: FileMetadata =
        super::round_trip("files/get", &exchange("files/get")["response"]["body"]);
    assert_eq!(
        file.size(),
        Some(text.len() as u64),
        "the metadata describes these bytes"
    );
}

#[test]
fn unknown_fields_and_values_survive() {
    let body = &exchange("files/list")["response"]["body"];
    keeps_unknown_field::<FileList>("files/list", body, "");
    keeps_unknown_field::<FileList>("files/list", body, "/data/1");
    let page: FileList = keeps_unknown_value("files/list", body, "/_shape");
    assert!(page.shape.unwrap().is_unknown());
    let body = &exchange("files/list_openai")["response"]["body"];
    let page: FileList = keeps_unknown_value("files/list_openai", body, "/data/0/purpose");
    assert!(page.data[0].purpose.as_ref().unwrap().is_unknown());
    let body = &exchange("files/delete")["response"]["body"];
    keeps_unknown_field::<FileDeleted>("files/delete", body, "");
}
