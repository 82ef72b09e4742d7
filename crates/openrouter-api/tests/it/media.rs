//! Helpers that write what a media call returned.

use serde_json::json;

#[tokio::test]
async fn save_image_writes_decoded_bytes_and_refuses_to_fetch_links() {
    let image: openrouter_types::images::ImageData =
        serde_json::from_value(json!({"b64_json": "aGVsbG8="})).unwrap();
    let path = std::env::temp_dir().join(format!("openrouter-save-image-{}", std::process::id()));
    assert_eq!(openrouter_api::save_image(&image, &path).await.unwrap(), 5);
    assert_eq!(std::fs::read(&path).unwrap(), b"hello");
    let _ = std::fs::remove_file(&path);
    let link: openrouter_types::images::ImageData =
        serde_json::from_value(json!({"url": "https://example.com/a.png"})).unwrap();
    let error = openrouter_api::save_image(&link, &path).await.unwrap_err();
    assert!(
        error.to_string().contains("https://example.com/a.png"),
        "{error}"
    );
    assert!(!path.exists());
}
