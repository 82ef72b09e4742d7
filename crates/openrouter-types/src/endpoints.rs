//! Per-provider endpoints of a model (`/models/{author}/{slug}/endpoints`, `/endpoints/zdr`).
