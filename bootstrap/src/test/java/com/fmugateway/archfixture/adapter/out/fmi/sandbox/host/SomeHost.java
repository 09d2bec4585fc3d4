package com.fmugateway.archfixture.adapter.out.fmi.sandbox.host;

/** Fixture: a class of the sandbox host, the gateway's side. */
public class SomeHost {}
