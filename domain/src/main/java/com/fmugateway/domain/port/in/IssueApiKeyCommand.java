package com.fmugateway.domain.port.in;

/** Command: issue a key for a new anonymous account (the prototype's {@code POST /keys}). */
public record IssueApiKeyCommand() {}
