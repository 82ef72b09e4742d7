//! Following a list to its end: a `Stream` over every item of an offset-paged
//! list, one request per page, as the caller pulls.

use std::collections::VecDeque;

use futures::Stream;
use openrouter_types::management::OffsetPage;

use crate::{Error, Response};

/// Every item of an offset-paged list: `fetch(offset)` requests one page
/// (the first at offset 0), and the next is requested only when the items of
/// the previous one are consumed. The stream ends after the last page, or
/// with the first error.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use openrouter_types::models::PageQuery;
///
/// # async fn demo(client: openrouter_api::Client) -> Result<(), openrouter_api::Error> {
/// let workspaces: Vec<_> = openrouter_api::paginate(|offset| {
///     let client = client.clone();
///     async move { client.list_workspaces(&PageQuery::new().offset(offset)).await }
/// })
/// .try_collect()
/// .await?;
/// println!("{} workspaces", workspaces.len());
/// # Ok(()) }
/// ```
pub fn paginate<P, F, Fut>(fetch: F) -> impl Stream<Item = Result<P::Item, Error>>
where
    P: OffsetPage,
    F: FnMut(u64) -> Fut,
    Fut: Future<Output = Result<Response<P>, Error>>,
{
    struct State<P: OffsetPage, F> {
        fetch: F,
        items: VecDeque<P::Item>,
        next: Option<u64>,
    }
    let state = State::<P, F> {
        fetch,
        items: VecDeque::new(),
        next: Some(0),
    };
    futures::stream::unfold(state, |mut state| async move {
        loop {
            if let Some(item) = state.items.pop_front() {
                return Some((Ok(item), state));
            }
            let offset = state.next.take()?;
            match (state.fetch)(offset).await {
                Ok(page) => {
                    let page = page.into_inner();
                    state.next = page.next_offset(offset);
                    state.items.extend(page.into_items());
                }
                Err(error) => return Some((Err(error), state)),
            }
        }
    })
}
