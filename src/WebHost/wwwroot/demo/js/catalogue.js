/* Demo Shop product catalogue (static, offline). Prices are in US dollars. */
(function () {
  "use strict";
  window.DEMO_CATALOGUE = [
    { id: 1, name: "Aurora Wireless Headphones", category: "Headphones", price: 79.00, rating: 4.5,
      description: "Over-ear Bluetooth headphones with 30-hour battery life, soft memory-foam cushions and a fold-flat design." },
    { id: 2, name: "Pulse Studio Headphones", category: "Headphones", price: 45.50, rating: 4.2,
      description: "Wired closed-back studio headphones with a detachable cable and a flat, honest sound for mixing." },
    { id: 3, name: "Echo Lite Headphones", category: "Headphones", price: 29.99, rating: 3.8,
      description: "Lightweight on-ear headphones for everyday listening, with an in-line microphone and remote." },
    { id: 4, name: "Nimbus Noise-Cancelling Headphones", category: "Headphones", price: 129.00, rating: 4.8,
      description: "Premium active noise cancelling, transparency mode, multipoint pairing and a hard travel case." },
    { id: 5, name: "Vibe Sport Headphones", category: "Headphones", price: 39.95, rating: 4.0,
      description: "Sweat-resistant wireless sport headphones with secure ear hooks and quick charging." },
    { id: 6, name: "Atlas Mechanical Keyboard", category: "Keyboards", price: 89.00, rating: 4.6,
      description: "Full-size mechanical keyboard with tactile switches, white backlight and a detachable USB-C cable." },
    { id: 7, name: "Breeze Slim Keyboard", category: "Keyboards", price: 34.50, rating: 4.1,
      description: "Quiet low-profile wireless keyboard that pairs with up to three devices." },
    { id: 8, name: "Orbit Wireless Mouse", category: "Mice", price: 24.99, rating: 4.3,
      description: "Compact wireless mouse with silent clicks and an 18-month battery life." },
    { id: 9, name: "Glide Ergonomic Mouse", category: "Mice", price: 49.00, rating: 4.4,
      description: "Vertical ergonomic mouse that keeps your wrist in a natural handshake position." },
    { id: 10, name: "USB-C Cable", category: "Cables", price: 12.00, rating: 4.7,
      description: "Braided 2 m USB-C to USB-C cable supporting 100 W charging and 10 Gbps data." },
    { id: 11, name: "Summit Laptop Stand", category: "Accessories", price: 42.00, rating: 4.5,
      description: "Adjustable aluminium laptop stand that lifts your screen to eye level and folds flat." },
    { id: 12, name: "Pixel HD Webcam", category: "Cameras", price: 59.90, rating: 3.9,
      description: "1080p webcam with autofocus, a privacy shutter and dual noise-reducing microphones." }
  ];
})();
