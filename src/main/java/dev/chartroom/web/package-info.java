/**
 * HTTP plumbing every module shares: the exceptions a request can end in, the native API's
 * error shape, and the marker that scopes that shape to native controllers. Each compat contract
 * maps the same exceptions to its own shape in its own advice.
 */
package dev.chartroom.web;
