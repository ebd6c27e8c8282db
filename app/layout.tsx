import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Service Contracts", template: "%s · Service Contracts" },
  description: "Distributors invite resellers through service contracts.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
