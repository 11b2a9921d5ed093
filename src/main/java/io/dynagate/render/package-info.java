/**
 * Declarations to the definition of one API: a pure function, {@link
 * io.dynagate.render.ApiRenderer#render(ApiDeclaration)}, giving the OpenAPI 3 document that {@code
 * PutRestApi} takes (integrations of type {@code AWS} calling DynamoDB directly, VTL included), the
 * IAM trust and permission policies, and a content hash, all canonical JSON.
 *
 * <p>Templates are generated as text, never with a template engine. Everything a user declares
 * reaches them either inside a JSON string escaped so that it holds no VTL character ({@link
 * io.dynagate.render.Vtl#json}), or as a VTL string expression that cannot be broken out of ({@link
 * io.dynagate.render.Vtl#string}); every request or DynamoDB value goes through {@code
 * $util.escapeJavaScript(...).replaceAll("\\'","'")}.
 */
package io.dynagate.render;
