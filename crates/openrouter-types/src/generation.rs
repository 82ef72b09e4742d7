//! Stats of one generation (`GET /generation?id=`).
