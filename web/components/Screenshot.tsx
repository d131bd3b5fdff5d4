"use client";

import { useEffect, useState } from "react";
import { ImageOff } from "lucide-react";
import type { ElementBox } from "@/lib/types";

interface Frame {
  src: string;
  box?: ElementBox;
}

// Screenshots are of a 1280x800 viewport unless the image says otherwise.
const DEFAULT_SIZE = { width: 1280, height: 800 };

/**
 * A step's screenshot with the acted element's box drawn on it. A new frame is loaded and decoded
 * off-screen and swapped in only then, so a live tile never flashes blank between steps.
 */
export function Screenshot({
  src,
  box,
  alt,
  className = "",
  emptyText = "No screenshot yet",
}: {
  src?: string;
  box?: ElementBox;
  alt: string;
  className?: string;
  emptyText?: string;
}) {
  const [frame, setFrame] = useState<Frame | null>(src ? { src, box } : null);
  const [size, setSize] = useState(DEFAULT_SIZE);

  useEffect(() => {
    if (!src) {
      setFrame(null);
      return;
    }
    if (frame?.src === src) {
      if (frame.box !== box) setFrame({ src, box });
      return;
    }
    let live = true;
    const image = new Image();
    const show = () => {
      if (!live) return;
      setSize({ width: image.naturalWidth || DEFAULT_SIZE.width, height: image.naturalHeight || DEFAULT_SIZE.height });
      setFrame({ src, box });
    };
    // Swapped in once decoded too: a loaded but undecoded frame would paint blank for a moment.
    image.onload = () => {
      image.decode().then(show, show);
    };
    // A frame that fails to load (the server restarting, say) leaves the last good one on screen.
    image.onerror = () => undefined;
    image.src = src;
    return () => {
      live = false;
    };
    // The frame is what is on screen; only a new source or box should start a load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [src, box]);

  return (
    <div className={`relative aspect-[16/10] overflow-hidden bg-raised ${className}`}>
      {frame ? (
        <>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={frame.src} alt={alt} className="absolute inset-0 size-full object-cover object-top" />
          {frame.box && frame.box.width > 0 && frame.box.height > 0 && (
            <div
              data-testid="target-box"
              aria-hidden
              className="pointer-events-none absolute rounded-sm border-2 border-accent bg-accent/15 shadow-[0_0_0_9999px_rgba(0,0,0,0.12)]"
              style={{
                left: `${(frame.box.x / size.width) * 100}%`,
                top: `${(frame.box.y / size.height) * 100}%`,
                width: `${(frame.box.width / size.width) * 100}%`,
                height: `${(frame.box.height / size.height) * 100}%`,
              }}
            />
          )}
        </>
      ) : (
        <div className="absolute inset-0 grid place-items-center text-faint">
          <span className="flex flex-col items-center gap-2 text-xs">
            <ImageOff aria-hidden className="size-6" />
            {emptyText}
          </span>
        </div>
      )}
    </div>
  );
}
