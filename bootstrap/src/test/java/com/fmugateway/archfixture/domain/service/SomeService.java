package com.fmugateway.archfixture.domain.service;

/** Fixture: a domain service. */
public class SomeService {}
