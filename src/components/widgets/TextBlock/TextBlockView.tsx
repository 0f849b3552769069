/** A site owner's heading and paragraph: plain text (no markdown, no HTML), line breaks kept. */
export interface TextBlockViewProps {
  heading?: string;
  body: string;
}

export function TextBlockView({ heading, body }: TextBlockViewProps) {
  return (
    <section className="rs-widget rs-text" aria-label={heading ?? undefined}>
      {heading && <h3 className="rs-widget-title">{heading}</h3>}
      <p className="rs-text-body">{body}</p>
    </section>
  );
}
