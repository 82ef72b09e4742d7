//! Provider routing preferences (`provider` in a request) and fallback models.
