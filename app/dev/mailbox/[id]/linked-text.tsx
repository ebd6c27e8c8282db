const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** The text part as written, with its http(s) links clickable (React escapes everything else). */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="whitespace-pre-wrap font-sans [overflow-wrap:anywhere] text-sm leading-relaxed text-slate-800">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} rel="noreferrer" className="text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}
