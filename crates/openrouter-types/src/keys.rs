//! Key management with a management key (`/keys`: list, create, get, update, delete).
