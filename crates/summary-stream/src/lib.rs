//! Decodes a `GET /summary` body while it arrives: each user of `result.users` is decoded as
//! soon as its bytes are in, so on a large tenant the decoding overlaps the transfer instead of
//! following it (6 MB for 50,000 users).
//!
//! Only the shape of a successful response is followed, with serde_json decoding every value;
//! anything else (an error envelope, `result: null`, a repeated key, invalid JSON, more than
//! [`RETRY_BUDGET`] bytes read again) stops the stream, and the caller decodes the whole body as
//! before. It is a faster path to the same result, never a second reading of the body.
//!
//! A crate of its own so that it alone is built for speed (`opt-level = 3` in the workspace's
//! release profile) while the rest of the console's wasm is built for size: decoding 50,000
//! users is the Users page's longest task before its first row.

use std::ops::Range;

use serde::de::{DeserializeOwned, IgnoredAny};

use zt_risk_api::{Envelope, RiskSummary, UserRiskInfo};

/// An incomplete value is decoded again from its start when more bytes arrive. Once this many
/// bytes in all have been read again (a body trickling in byte by byte, a huge value), the
/// stream stops and the body is decoded once it is complete: the wasted work stays bounded.
/// A 6 MB summary read in 2 MB chunks reads a few hundred bytes again.
pub const RETRY_BUDGET: usize = 8 << 20;

/// Where the decoder is in the envelope: `{ member, … }` around `"result": { "users": [ … ] }`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the envelope's `{`.
    #[default]
    Start,
    /// In an object (the envelope, or its `result`), after `{` or `,` (`first`: after `{`).
    Key { result: bool, first: bool },
    /// In an object, after a member: `,` or `}`.
    Next { result: bool },
    /// In `users`, after `[` or `,` (`first`: after `[`).
    User { first: bool },
    /// In `users`, after a user: `,` or `]`.
    NextUser,
    /// After the envelope's `}`.
    Done,
    /// Not a plain success: the caller decodes the whole body.
    Stopped,
}

/// One step's outcome.
enum Step<T> {
    /// The value, and the offset just after it.
    Got(T, usize),
    /// The value is not all there yet.
    More,
    /// Not what a successful summary holds.
    Stop,
}

/// The incremental decoder; feed it the body read so far with [`advance`](Self::advance).
#[derive(Debug, Default)]
pub struct SummaryStream {
    users: Vec<UserRiskInfo>,
    /// Bytes of the body consumed so far.
    at: usize,
    state: State,
    /// The envelope's members other than `result` (raw key with its quotes, raw value), decoded
    /// at the end as the envelope they form.
    members: Vec<(Range<usize>, Range<usize>)>,
    seen_result: bool,
    seen_users: bool,
    /// Bytes of incomplete values so far, read again on the next chunk.
    reread: usize,
}

impl SummaryStream {
    /// Decodes what `body` (every byte received so far, a prefix of the last call's `body`
    /// extended) adds.
    pub fn advance(&mut self, body: &[u8]) {
        let Some(tail) = Tail::of(body, self.at) else {
            self.state = State::Stopped;
            return;
        };
        while !matches!(self.state, State::Done | State::Stopped) {
            match self.step(tail) {
                Some(state) => self.state = state,
                None => {
                    self.reread += body.len() - self.at;
                    if self.reread > RETRY_BUDGET {
                        self.state = State::Stopped;
                    }
                    return;
                }
            }
        }
    }

    /// The whole response's users and paging when `body`, complete, is a successful summary
    /// envelope; `None` for anything else (decode it the usual way).
    pub fn finish(mut self, body: &[u8]) -> Option<Envelope<RiskSummary>> {
        self.advance(body);
        let rest = body.get(self.at..)?;
        let complete = self.state == State::Done && self.seen_users;
        if !complete || !rest.iter().copied().all(is_whitespace) {
            return None;
        }
        // The other members, as the envelope they form without `result`: serde applies the
        // envelope's own rules to them (required `success`, defaults, a repeated key).
        let mut others = Vec::with_capacity(64);
        others.push(b'{');
        for (i, (key, value)) in self.members.iter().enumerate() {
            if i > 0 {
                others.push(b',');
            }
            others.extend_from_slice(&body[key.clone()]);
            others.push(b':');
            others.extend_from_slice(&body[value.clone()]);
        }
        others.push(b'}');
        let others = String::from_utf8(others).ok()?;
        let envelope: Envelope<IgnoredAny> = serde_json::from_str(&others).ok()?;
        envelope.success.then_some(Envelope {
            success: true,
            errors: envelope.errors,
            messages: envelope.messages,
            result: Some(RiskSummary { users: self.users }),
            result_info: envelope.result_info,
        })
    }

    /// The next state, having consumed one token or value; `None` when more bytes are needed.
    fn step(&mut self, tail: Tail) -> Option<State> {
        let (byte, after) = tail.punct(self.at)?;
        let next = match (self.state, byte) {
            (State::Start, b'{') => State::Key {
                result: false,
                first: true,
            },
            (
                State::Key {
                    result,
                    first: true,
                }
                | State::Next { result },
                b'}',
            ) => closed(result),
            (State::Key { result, .. }, b'"') => return self.member(tail, result),
            (State::Next { result }, b',') => State::Key {
                result,
                first: false,
            },
            (State::User { first: true }, b']') => State::Next { result: true },
            (State::User { .. }, _) => {
                return match tail.value::<UserRiskInfo>(self.at) {
                    Step::Got(user, end) => {
                        self.users.push(user);
                        self.at = end;
                        Some(State::NextUser)
                    }
                    Step::More => None,
                    Step::Stop => Some(State::Stopped),
                };
            }
            (State::NextUser, b',') => State::User { first: false },
            (State::NextUser, b']') => State::Next { result: true },
            _ => State::Stopped,
        };
        self.at = after;
        Some(next)
    }

    /// One `"key": value` member of the envelope (`result` false) or of its result.
    fn member(&mut self, tail: Tail, in_result: bool) -> Option<State> {
        let key_start = tail.skip_whitespace(self.at);
        let (key, key_end) = match tail.value::<String>(key_start) {
            Step::Got(key, end) => (key, end),
            Step::More => return None,
            Step::Stop => return Some(State::Stopped),
        };
        let (b':', value_start) = tail.punct(key_end)? else {
            return Some(State::Stopped);
        };
        // `result` and `users` open their container once; a repeated key stops the stream.
        let opens = |seen: &mut bool, open: u8, state: State| {
            let (byte, after) = tail.punct(value_start)?;
            let fresh = !std::mem::replace(seen, true);
            Some(if fresh && byte == open {
                (state, after)
            } else {
                (State::Stopped, value_start)
            })
        };
        let (state, at) = match (in_result, key.as_str()) {
            (false, "result") => opens(
                &mut self.seen_result,
                b'{',
                State::Key {
                    result: true,
                    first: true,
                },
            )?,
            (true, "users") => opens(&mut self.seen_users, b'[', State::User { first: true })?,
            _ => match tail.value::<IgnoredAny>(value_start) {
                Step::Got(_, end) => {
                    if !in_result {
                        let value_start = tail.skip_whitespace(value_start);
                        self.members.push((key_start..key_end, value_start..end));
                    }
                    (State::Next { result: in_result }, end)
                }
                Step::More => return None,
                Step::Stop => (State::Stopped, value_start),
            },
        };
        self.at = at;
        Some(state)
    }
}

/// After an object's `}`: the result's returns to the envelope, the envelope's ends the body.
fn closed(result: bool) -> State {
    if result {
        State::Next { result: false }
    } else {
        State::Done
    }
}

/// The body from the first byte not consumed yet, as text (`text` starts at byte `base`). The
/// text is validated once per chunk here, so serde_json reads `str`s without checking each one.
#[derive(Clone, Copy)]
struct Tail<'a> {
    text: &'a str,
    base: usize,
}

impl<'a> Tail<'a> {
    /// `body` from `base`; `None` if it is not UTF-8.
    fn of(body: &'a [u8], base: usize) -> Option<Self> {
        let rest = &body[base..];
        let text = match std::str::from_utf8(rest) {
            Ok(text) => text,
            // A character the chunk's end cuts in two is completed by the next chunk.
            Err(e) if e.error_len().is_none() => {
                std::str::from_utf8(&rest[..e.valid_up_to()]).ok()?
            }
            Err(_) => return None,
        };
        Some(Self { text, base })
    }

    /// The text from body offset `at` (a character boundary: after JSON punctuation or
    /// whitespace).
    fn from(&self, at: usize) -> &'a str {
        &self.text[at - self.base..]
    }

    /// The JSON value of type `T` starting at `at` (after any whitespace). A value that ends
    /// exactly where the text ends counts as incomplete: a number may go on in the next chunk.
    /// So does an error at the text's last byte: serde_json reads a number cut after `-`, `.`
    /// or `e` as a syntax error, not as the end of the input (found by the `summary_stream`
    /// fuzz target). Waiting for more is always safe: a complete body that still fails there is
    /// left to the usual decoding.
    fn value<T: DeserializeOwned>(&self, at: usize) -> Step<T> {
        let text = self.from(at);
        let mut values = serde_json::Deserializer::from_str(text).into_iter::<T>();
        match values.next() {
            Some(Ok(v)) if values.byte_offset() < text.len() => {
                Step::Got(v, at + values.byte_offset())
            }
            Some(Ok(_)) | None => Step::More,
            Some(Err(e)) if e.is_eof() || at_last_byte(text, &e) => Step::More,
            Some(Err(_)) => Step::Stop,
        }
    }

    /// The first byte that is not whitespace at or after `at`, and the offset after it.
    fn punct(&self, at: usize) -> Option<(u8, usize)> {
        let at = self.skip_whitespace(at);
        self.from(at).as_bytes().first().map(|&b| (b, at + 1))
    }

    fn skip_whitespace(&self, at: usize) -> usize {
        at + self
            .from(at)
            .bytes()
            .take_while(|&b| is_whitespace(b))
            .count()
    }
}

/// Whether serde_json's error `e` is on the last line of `text`, at its last byte (serde_json
/// counts lines from 1 and columns in bytes from 1). Only the last line is measured: an error
/// elsewhere at the same column is also taken for a cut value, which only delays the stop.
fn at_last_byte(text: &str, e: &serde_json::Error) -> bool {
    let last_line = text.rfind('\n').map_or(0, |i| i + 1);
    e.line() > 0 && text.len() - last_line == e.column()
}

/// JSON's whitespace (not form feed, which `is_ascii_whitespace` also takes).
fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

#[cfg(test)]
mod tests;
