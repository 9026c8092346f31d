//! Criterion benchmarks of the wa-signup parsers, native.
//!
//! `cargo bench -p wa-signup-bench` (or `cargo bench` from the repo root). Each group measures
//! one pass over a deterministic corpus from `wa_signup_bench`, reported per element.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wa_signup::{events, ids, ksuid::Ksuid, phone};
use wa_signup_bench::{id_corpus, ksuid_corpus, phone_corpus, session_event_corpus};

const N: usize = 10_000;

fn elements(n: usize) -> Throughput {
    Throughput::Elements(u64::try_from(n).unwrap_or(u64::MAX))
}

fn bench_phone(c: &mut Criterion) {
    let corpus = phone_corpus(N, 0x5eed);
    let joined = corpus.join("\n");
    let mut g = c.benchmark_group("phone");
    g.throughput(elements(N));
    g.bench_function("parse", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|s| phone::parse(black_box(s), None).is_ok())
                .count()
        })
    });
    g.bench_function("parse_default_cc_44", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|s| phone::parse(black_box(s), Some(44)).is_ok())
                .count()
        })
    });
    g.bench_function("is_e164", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|s| phone::is_e164(black_box(s)))
                .count()
        })
    });
    g.bench_function("is_e164_batch", |b| {
        b.iter(|| phone::is_e164_batch(black_box(&joined)))
    });
    g.finish();
}

fn bench_ids(c: &mut Criterion) {
    let ksuids = ksuid_corpus(N, 0x1d5);
    let platform_ids = id_corpus(N, 0x1d6);
    let mut g = c.benchmark_group("ids");
    g.throughput(elements(N));
    g.bench_function("ksuid_parse", |b| {
        b.iter(|| {
            ksuids
                .iter()
                .filter(|s| Ksuid::parse(black_box(s)).is_ok())
                .count()
        })
    });
    g.bench_function("parse_id", |b| {
        b.iter(|| {
            platform_ids
                .iter()
                .filter(|s| ids::parse_id(black_box(s)).is_ok())
                .count()
        })
    });
    g.finish();
}

fn bench_events(c: &mut Criterion) {
    let corpus = session_event_corpus(N, 0xe7);
    let extra: Vec<String> = Vec::new();
    let mut g = c.benchmark_group("events");
    g.throughput(elements(N));
    g.bench_function("parse_session_event", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter(|(origin, data)| {
                    events::parse_session_event(black_box(origin), black_box(data), &extra)
                        .is_some()
                })
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_phone, bench_ids, bench_events);
criterion_main!(benches);
