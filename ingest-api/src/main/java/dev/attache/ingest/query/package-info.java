/**
 * Graph's OData query options over an event's attachments, pure (no HTTP, no I/O).
 *
 * <ul>
 *   <li>{@link dev.attache.ingest.query.AttachmentQueryOptions} — {@code GET …/attachments}: parse (400 on any bad
 *       option), {@code apply(records)} → {@link dev.attache.ingest.query.QueryResult} (page, count after
 *       {@code $filter}, next {@code $skip}), {@code nextLinkQuery(skip)} for {@code @odata.nextLink}.</li>
 *   <li>{@link dev.attache.ingest.query.AttachmentEntityOptions} — {@code GET …/attachments/{A}}: {@code $select} and
 *       {@code $expand} only.</li>
 *   <li>{@link dev.attache.ingest.query.Projection} — what to write: {@code selects(property)},
 *       {@code selects(odataType, property)}, {@code expandItem()}.</li>
 * </ul>
 *
 * <p>{@code $filter} and {@code $orderby} are parsed by Apache Olingo's URI parser against a small EDM of the
 * attachment types ({@code AttachmentEdm}) and evaluated by {@code RecordEvaluator}; no expression parser is written
 * here.
 *
 * <p>Where this differs from Graph, on purpose:
 * <ul>
 *   <li>Option names need their {@code $} (Graph beta makes it optional); a bare system option name such as
 *       {@code top} is refused with a 400 rather than ignored. Other parameters without {@code $} are ignored.</li>
 *   <li>Property names in {@code $filter}/{@code $orderby} are case-sensitive, as Olingo parses them; {@code $select}
 *       and {@code $expand} match ignoring case.</li>
 *   <li>Every error is {@code BadRequest}; for a derived property without its cast the message is Graph's
 *       ("Could not find a property named 'contentId' on type 'microsoft.graph.attachment'.") but Graph's code
 *       there is {@code RequestBroker--ParseUri}.</li>
 *   <li>{@code $top} is the page size (as on Graph's Outlook resources): with more matches, a next link follows with
 *       the same {@code $top}; without {@code $top} pages hold {@value
 *       dev.attache.ingest.query.AttachmentQueryOptions#DEFAULT_PAGE_SIZE}. {@code $top=0} has no next link.</li>
 *   <li>Functions: {@code startswith endswith contains tolower toupper}; operators: {@code eq ne gt ge lt le and or
 *       not in}; no arithmetic, date functions, lambdas or parameter aliases (each a 400 naming it).
 *       {@code referenceAttachment}'s enums are plain strings, and its beta properties are accepted on v1.0 too.</li>
 *   <li>{@code $search}, {@code $format}, {@code $skiptoken} and any other {@code $} option: 400.</li>
 * </ul>
 */
package dev.attache.ingest.query;
