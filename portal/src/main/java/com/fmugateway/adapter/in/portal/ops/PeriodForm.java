package com.fmugateway.adapter.in.portal.ops;

/** The date-range filter as typed, so a mistake is shown back unchanged. */
public record PeriodForm(String from, String to) {}
