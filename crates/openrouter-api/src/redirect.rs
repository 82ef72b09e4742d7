//! The redirect policy: follow redirects on the same origin only, so the API
//! key never travels to a host it was not configured for.

use std::error::Error as StdError;
use std::fmt;

use reqwest::redirect::{Attempt, Policy};

const MAX_REDIRECTS: usize = 5;

pub(crate) fn same_host_policy() -> Policy {
    Policy::custom(|attempt: Attempt<'_>| {
        let Some(first) = attempt.previous().first() else {
            return attempt.follow();
        };
        let next = attempt.url();
        let same_origin = first.scheme() == next.scheme()
            && first.host_str() == next.host_str()
            && first.port_or_known_default() == next.port_or_known_default();
        if !same_origin {
            let error = RefusedRedirect {
                to: next.host_str().unwrap_or("?").to_owned(),
            };
            return attempt.error(error);
        }
        if attempt.previous().len() > MAX_REDIRECTS {
            return attempt.error(RefusedRedirect {
                to: "too many redirects".to_owned(),
            });
        }
        attempt.follow()
    })
}

#[derive(Debug)]
struct RefusedRedirect {
    to: String,
}

impl fmt::Display for RefusedRedirect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "refused redirect ({})", self.to)
    }
}

impl StdError for RefusedRedirect {}
