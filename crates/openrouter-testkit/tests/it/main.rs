//! The testkit's one integration-test binary: fixtures, routing, wiremock mounting, the
//! standalone server and the raw fault server, all over real sockets on 127.0.0.1.

mod raw;
mod routing;
mod served;
mod server;
mod support;
mod wiremock_mount;
