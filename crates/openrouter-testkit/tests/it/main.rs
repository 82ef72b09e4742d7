//! The testkit's one integration-test binary: fixtures, routing, wiremock mounting and the
//! standalone server, all over real HTTP on 127.0.0.1.

mod routing;
mod served;
mod server;
mod support;
mod wiremock_mount;
