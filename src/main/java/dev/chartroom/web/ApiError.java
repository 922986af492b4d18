package dev.chartroom.web;

/** The native API's error body: a stable machine code and a plain sentence. */
public record ApiError(String error, String message) {}
